package org.goldenthread.engagement.audiences;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Someone an ICS can reach, as the register (or its list of contacts outside the register) knows
 * them: what a segment selects on and what reach is broken down by. Places, levels, forums and seat
 * types come from the seats they hold today, and the place also from their employer.
 */
public record Member(
        String email,
        String name,
        @Nullable String profession,
        @Nullable String professionGroup,
        @Nullable String sector,
        @Nullable String careerStage,
        Set<String> places,
        Set<String> levels,
        Set<String> forums,
        Set<String> seatTypes,
        boolean onRegister) {}
