package org.goldenthread.insight;

import java.time.LocalDate;
import org.goldenthread.people.RegisterFixture;

/**
 * The small register (see {@link InsightTest}) with long insight lists: 55 Northfield Place Board
 * members each using 1 of 4 hours agreed, and 12 Southvale East Team seats no one holds.
 * Under-used time: the 55, P2 (system, 1 of 3) and P6 (Northfield Central Team, 0.5 of 2): 57 in the
 * ICS, 56 in Northfield. Vacant seats: the council's EbE seat, Northfield's AHP and Nurse lead seats
 * and the 12 in Southvale: 15.
 */
public final class LongListsFixture {

    private LongListsFixture() {}

    public static String register() {
        String started = LocalDate.now().minusYears(1).toString();
        StringBuilder file = new StringBuilder(RegisterFixture.smallRegister());
        for (int i = 1; i <= 55; i++) {
            file.append("M%02d,Member,Number%02d,,gp,,Brook Surgery,,general_practice,mid,place,Northfield,,"
                            .formatted(i, i))
                    .append("Northfield Place Board,board,decides,ICS Board,Member %02d,member,false,".formatted(i))
                    .append(started)
                    .append(",,nomination,4,1\n");
        }
        for (int i = 1; i <= 12; i++) {
            file.append(",,,,,,,,,,neighbourhood,Southvale,Southvale East PCN,Southvale East Team,working_group,"
                    + "recommends,,Open seat %02d,member,false,,,,,\n".formatted(i));
        }
        return file.toString();
    }
}
