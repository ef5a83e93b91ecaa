package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A neighbourhood or primary care network of some 30,000 to 50,000 people, within a place. */
public record Neighbourhood(
        long id,
        String name,
        String place,
        @JsonProperty("ods_code") String odsCode,
        Integer population) {}
