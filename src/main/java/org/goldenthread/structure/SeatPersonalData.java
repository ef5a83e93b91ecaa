package org.goldenthread.structure;

import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The forum seats a person has been appointed to, as the ICS's map describes them. The map keeps
 * seats, not people: a seat outlives whoever held it, so an erasure leaves the map as it is and the
 * register anonymises the appointment's holder.
 */
@Component
class SeatPersonalData implements PersonalData {

    private final Forums forums;

    SeatPersonalData(Forums forums) {
        this.forums = forums;
    }

    @Override
    public List<Section> describe(DataSubject subject) {
        Map<String, String> types = Coded.labels(SeatType.class);
        Map<String, String> levels = Coded.labels(Level.class);
        return List.of(new Section(
                "Forum seats",
                "The seats on the ICS's forums they have been appointed to.",
                subject.seatIds().stream()
                        .map(forums::seat)
                        .map(s -> {
                            Forum f = forums.forum(s.forumId());
                            return PersonalData.entry(
                                    "Forum", f.name(),
                                    "Level", levels.getOrDefault(f.level(), f.level()),
                                    "Seat", s.title(),
                                    "Kind of seat", types.getOrDefault(s.seatType(), s.seatType()));
                        })
                        .toList()));
    }

    @Override
    public void erase(DataSubject subject) {
        // nothing here names the person: see the class comment
    }
}
