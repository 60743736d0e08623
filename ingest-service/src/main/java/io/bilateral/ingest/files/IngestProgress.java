package io.bilateral.ingest.files;

/** Counters of a running file ingest, reported after each file. */
public record IngestProgress(int filesDone, int filesTotal, int published, int rejected, int duplicates) {}
