/**
 * People: the leadership register. The people of an ICS, their professions (reference data shared
 * by every ICS) and their appointments to seats on the structure module's forums, kept by hand, by
 * the API, or by importing and exporting register files.
 *
 * <p>Owns the tables {@code profession}, {@code person} and {@code appointment}, and offers no SQL
 * to other modules: they read the register through {@link org.goldenthread.people.Register} and
 * {@link org.goldenthread.people.Professions}. Seats, forums, places and organisations it reads
 * through the structure module's Java API and the functions that module offers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "structure"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.people;
