package postgres

// Rows the writer says are new (storage.Batch.NewState, ReadModel.NewKeys,
// EntityRow.New) are stored with plain inserts instead of upserts: an
// INSERT … ON CONFLICT looks each row up in the primary key before
// inserting it and logs the insert twice (the speculative insert and its
// confirmation), which about doubles the buffer accesses of a row and
// adds half again as many WAL records (measured once, by hand, with
// pg_stat_statements on 100,000 state-like rows: 788,000 buffer accesses
// and 301,000 WAL records against 398,000 and 201,000).
// The entity registry writes several such rows for every new entity key,
// most of the rows of a batch. The writer's word is a hint: when a plain
// insert finds a stored row, the batch's transaction is rolled back and
// the batch committed again with upserts (see Store.Commit). The plain
// inserts used to run under savepoints, rolled back alone on such a
// failure, but a savepoint costs two round trips of its own (its start
// and its release) where the statements of a commit are otherwise sent
// together, and the hint is rarely wrong (it was right in every batch of
// one run over 150 real pages).

// uniqueViolation is PostgreSQL's SQLSTATE for a duplicate key.
const uniqueViolation = "23505"
