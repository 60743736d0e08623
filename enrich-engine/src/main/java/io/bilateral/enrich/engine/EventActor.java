package io.bilateral.enrich.engine;

/** A person or organisation taking part in an event; type is PERSON or ORGANIZATION; country and role may be null. */
public record EventActor(String name, String type, String country, String role) {}
