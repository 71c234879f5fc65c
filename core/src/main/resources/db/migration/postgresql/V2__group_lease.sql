-- Which server of a group is active: the holder of the newest epoch, while expires_at (the database's clock) lies
-- ahead or nobody has taken the group over. Every append locks this row and checks the epoch in its own transaction.
CREATE TABLE group_lease (
    group_id BIGINT PRIMARY KEY,
    epoch BIGINT NOT NULL,
    holder TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
