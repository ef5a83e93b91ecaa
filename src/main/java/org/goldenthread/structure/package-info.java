/**
 * Structure: the ICS map. Places, neighbourhoods and organisations, the forums at every level with
 * the lines of sight between them, and the seats on each forum that leaders are appointed to.
 *
 * <p>Owns the tables {@code place}, {@code neighbourhood}, {@code organisation}, {@code forum} and
 * {@code seat}. Its Java API is {@link org.goldenthread.structure.IcsMap} and {@link
 * org.goldenthread.structure.Forums}. Offers other modules' SQL these functions, which run as their
 * caller (so row-level security holds) and which PostgreSQL inlines into the calling query:
 *
 * <ul>
 *   <li>{@code place_names()}: every place's id and name;
 *   <li>{@code seats_on_forums()}: every seat's id and title, the forum it is on (forum_id, and
 *       forum, its name) and the place_id of that forum's place;
 *   <li>{@code organisations_in_places()}: every organisation's id, name, ods_code and place_id.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.structure;
