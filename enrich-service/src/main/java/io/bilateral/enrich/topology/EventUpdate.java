package io.bilateral.enrich.topology;

import io.bilateral.schemas.RelationshipEvent;

/**
 * What one merged report changes: the event's previous version (null for a new event) and its new one, so the pair
 * summary can subtract the one and add the other. Never serialised: it only travels from the clustering processor to
 * the events sink and the pair summaries in the same task.
 */
public record EventUpdate(RelationshipEvent previous, RelationshipEvent event) {}
