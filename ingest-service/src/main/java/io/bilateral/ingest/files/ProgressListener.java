package io.bilateral.ingest.files;

/** Told about a file ingest's progress: once before the first file, then after every file. */
@FunctionalInterface
public interface ProgressListener {

    /** Listens to nothing. */
    ProgressListener NONE = progress -> {};

    void onProgress(IngestProgress progress);

    /** Called once when the run is over, successful or not. */
    default void onFinish(IngestReport report) {}
}
