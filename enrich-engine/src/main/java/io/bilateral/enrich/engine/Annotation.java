package io.bilateral.enrich.engine;

import java.util.List;

/**
 * Everything the engine found in one article.
 *
 * @param countries sorted alpha-3 codes of the countries the article is about
 * @param themes    sorted theme codes (TERRORISM, DRUGS, TRADE, MILITARY ...)
 * @param tone      -10..+10
 */
public record Annotation(
        List<Entity> entities, List<String> countries, List<String> themes, double tone, List<CodedEvent> events) {}
