package org.groupchat.group.files;

/** The file tables of a store and how its rows of one group are picked: SQLite has a database per group. */
public record FileTables(
        String uploads, String chunks, String content, String groupColumn, Long groupId, String trueValue) {
    public static FileTables sqlite() {
        return new FileTables("file_uploads", "file_chunks", "file_content", null, null, "1");
    }

    public static FileTables postgresql(long groupId) {
        return new FileTables("file_upload", "file_chunk", "file_content", "group_id", groupId, "true");
    }

    String where() {
        return groupColumn == null ? " WHERE " : " WHERE " + groupColumn + " = " + groupId + " AND ";
    }

    String groupValues(String values) {
        return groupColumn == null ? values : groupId + ", " + values;
    }

    String groupColumns(String columns) {
        return groupColumn == null ? columns : groupColumn + ", " + columns;
    }
}
