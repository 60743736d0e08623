package io.bilateral.enrich.engine;

/**
 * A tagged span of tokens. Mutable on purpose: the stages of one {@link RuleBasedEnricher#annotate} call fill it in
 * one after another (attribution sets {@link #country}, actor marking sets {@link #actor}), and an article's
 * mentions never leave that call.
 */
final class Mention {
    int from; // token index, inclusive
    int to; // token index, exclusive
    String type; // entity type
    String country;
    String actorId;
    String role;
    boolean actor; // acts or is acted upon in its sentence
    boolean capital;

    Mention(int from, int to, String type, String country, String actorId, String role) {
        this.from = from;
        this.to = to;
        this.type = type;
        this.country = country;
        this.actorId = actorId;
        this.role = role;
    }
}
