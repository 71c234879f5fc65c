package org.groupchat.desktop.files;

import java.nio.file.Path;

/**
 * What every tab shares for files: the transfers, the user's Downloads folder, and the profile's cache of images
 * shown as thumbnails (named by their SHA-256, each verified when it was fetched).
 */
public record FilePlaces(FileTransfers transfers, Path downloads, Path imageCache) {}
