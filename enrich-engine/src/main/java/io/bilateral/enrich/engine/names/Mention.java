package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.RuleBasedEnricher;

/**
 * A tagged span of tokens, passed from stage to stage of the pipeline. Mutable on purpose: the stages of one {@link RuleBasedEnricher#annotate} call fill it in
 * one after another (attribution sets {@link #country}, actor marking sets {@link #actor}), and an article's
 * mentions never leave that call.
 */
public final class Mention {
    public int from; // token index, inclusive
    public int to; // token index, exclusive
    public EntityType type; // null while a lone word waits to be read
    public String country;
    public String actorId;
    public String role;
    public boolean actor; // acts or is acted upon in its sentence
    public boolean capital;

    public Mention(int from, int to, EntityType type, String country, String actorId, String role) {
        this.from = from;
        this.to = to;
        this.type = type;
        this.country = country;
        this.actorId = actorId;
        this.role = role;
    }
}
