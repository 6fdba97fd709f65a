package org.symbiosiskb.api.translation;

/**
 * Implemented by each feature, next to its schema file: the types, fields, relationships and {@code Query}
 * entry points of that file, as the translator reads them in Cypher (api.translation.GraphTypes).
 */
public interface GraphTypeContributor {

    void contribute(GraphTypes.Builder types);
}
