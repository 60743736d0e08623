package io.bilateral.ingest.http;

import java.util.Optional;

/** One dependency {@code GET /readyz} checks; each check bounds its own time, so readiness answers quickly. */
public interface ReadinessCheck {

    /** Short name in the answer, e.g. {@code broker}. */
    String name();

    /** What is wrong, or empty when the dependency answered. */
    Optional<String> problem();
}
