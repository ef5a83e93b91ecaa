package org.goldenthread.engagement.audiences;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A named audience, described by criteria and counted when used. */
public record Segment(
        long id,
        String name,
        Criteria criteria,
        @JsonProperty("include_contacts") boolean includeContacts) {}
