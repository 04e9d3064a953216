package org.sigmoid4j.model;

import java.util.Map;

/**
 * A classifier reduced to what a model file stores: its kind, a JSON-able configuration (strings,
 * numbers, booleans, lists and maps of those) and named parameter arrays (stored as
 * little-endian binary, so that values round-trip bit for bit).
 *
 * <p>Maps should be ordered (e.g. {@link java.util.LinkedHashMap}) so that files are
 * byte-reproducible.
 */
public record ModelState(String kind, Map<String, Object> config, Map<String, double[]> arrays) {}
