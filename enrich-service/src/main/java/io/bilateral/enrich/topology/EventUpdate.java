package io.bilateral.enrich.topology;

import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RelationshipEvent;

/**
 * What one merged report changes: the event's new version and its pair's new summary. Never serialised: it only
 * travels from the clustering processor to the two sinks.
 */
public record EventUpdate(RelationshipEvent event, PairSummary summary) {}
