package io.bilateral.ingest.files;

import java.util.List;

/**
 * What a file ingest did, item by item. Locations are the paths as given (plus {@code :line} for JSON lines), in
 * processing order.
 *
 * @param files      files read (or attempted)
 * @param published  articles the broker acknowledged
 * @param rejected   files or items refused, with the reason (too large, not UTF-8, malformed line, invalid field)
 * @param duplicates items with the id of an item published earlier in the same run, not sent again
 * @param skipped    files inside a walked directory that are not article files (unsupported or hidden)
 * @param failed     items the broker did not acknowledge; after the first one the run stops
 */
public record IngestReport(
        int files,
        List<Published> published,
        List<Rejected> rejected,
        List<Duplicate> duplicates,
        List<Skipped> skipped,
        List<Failed> failed) {

    public IngestReport {
        published = List.copyOf(published);
        rejected = List.copyOf(rejected);
        duplicates = List.copyOf(duplicates);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }

    /** True when nothing was rejected and nothing failed; duplicates and skipped files are not errors. */
    public boolean ok() {
        return rejected.isEmpty() && failed.isEmpty();
    }

    /** One line for humans, e.g. {@code 5 files: 5 published, 0 rejected, 0 duplicates, 1 skipped}. */
    public String summary() {
        String text = files + (files == 1 ? " file: " : " files: ") + published.size() + " published, "
                + rejected.size() + " rejected, " + duplicates.size()
                + (duplicates.size() == 1 ? " duplicate" : " duplicates")
                + ", " + skipped.size() + " skipped";
        return failed.isEmpty()
                ? text
                : text + ", " + failed.size() + " failed (stopped: "
                        + failed.get(0).reason() + ")";
    }

    /** An article the broker acknowledged. */
    public record Published(String location, String id) {}

    /** A file or item refused; {@code reason} names the field or the file-level problem. */
    public record Rejected(String location, String reason) {
        @Override
        public String toString() {
            return location + ": " + reason;
        }
    }

    /** An item whose id was already published from {@code firstLocation} in this run. */
    public record Duplicate(String location, String id, String firstLocation) {
        @Override
        public String toString() {
            return location + ": duplicate of " + firstLocation + " (id " + id + ")";
        }
    }

    /** A file passed over while walking a directory. */
    public record Skipped(String location, String reason) {
        @Override
        public String toString() {
            return location + ": " + reason;
        }
    }

    /** An item the broker did not acknowledge. */
    public record Failed(String location, String id, String reason) {
        @Override
        public String toString() {
            return location + ": " + reason;
        }
    }
}
