package org.goldenthread.development;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.support.ApiClient;

/** Offers and people for development tests, added through the API. */
final class OfferFixture {

    private OfferFixture() {}

    static Map<String, Object> offer(String title) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", title);
        o.put("kind", "course");
        o.put("description", "A course for leaders.");
        o.put("provider", "NHS Leadership Academy");
        o.put("scope", "national");
        o.put("delivery", "online");
        o.put("hours", "12");
        o.put("weeks", "6");
        return o;
    }

    static long add(ApiClient api, String token, String ods, Map<String, Object> offer) {
        ApiClient.Response r = api.post("/api/v1/ics/" + ods + "/offers", token, json(offer));
        if (r.status() != 201) {
            throw new AssertionError("Could not add an offer: " + r.body());
        }
        return r.json().get("id").asLong();
    }

    static String json(Map<String, Object> values) {
        Object[] pairs = new Object[values.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        return ApiClient.json(pairs);
    }

    static long person(
            ApiClient api,
            String token,
            String ods,
            String ref,
            String email,
            String profession,
            String sector,
            String stage) {
        ApiClient.Response r = api.post(
                "/api/v1/ics/" + ods + "/people",
                token,
                ApiClient.json(
                        "person_ref",
                        ref,
                        "given_name",
                        "Given" + ref,
                        "family_name",
                        "Family",
                        "email",
                        email,
                        "profession",
                        profession,
                        "sector",
                        sector,
                        "career_stage",
                        stage));
        if (r.status() != 201) {
            throw new AssertionError("Could not add a person: " + r.body());
        }
        return r.json().get("id").asLong();
    }

    static List<String> list(String... items) {
        return List.of(items);
    }
}
