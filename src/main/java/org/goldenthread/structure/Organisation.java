package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A provider, council, charity or other body whose people take part in leadership. */
public record Organisation(
        long id, String name, @JsonProperty("ods_code") String odsCode, String sector, String place) {}
