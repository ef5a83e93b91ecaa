package org.goldenthread.engagement.collecting;

import java.time.Duration;
import java.util.List;
import org.goldenthread.engagement.audiences.Audiences;
import org.goldenthread.engagement.audiences.Member;
import org.springframework.stereotype.Component;

/** Invites everyone a segment reaches today to a survey, as pasting their addresses would. */
@Component
public class SegmentInvitations {

    private final Audiences audiences;
    private final Invitations invitations;

    SegmentInvitations(Audiences audiences, Invitations invitations) {
        this.audiences = audiences;
        this.invitations = invitations;
    }

    record Result(Invitations.Added added, Invitations.Sent sent) {}

    Result invite(long surveyId, long segmentId, Duration wait) {
        Invitations.Added added = add(surveyId, segmentId);
        return new Result(added, invitations.sendInvitations(surveyId, wait));
    }

    /**
     * Records invitations for everyone the segment reaches, without emailing them: for the demo,
     * whose people are fictional. Returns how many were newly invited.
     */
    public int recordOnly(long surveyId, long segmentId) {
        return add(surveyId, segmentId).invited();
    }

    private Invitations.Added add(long surveyId, long segmentId) {
        List<String> emails =
                audiences.members(segmentId).stream().map(Member::email).toList();
        if (emails.isEmpty()) {
            throw new org.goldenthread.platform.InvalidInput(
                    "segment_id", "Segment: it reaches nobody with an email address today");
        }
        return invitations.add(surveyId, Invitations.check(emails));
    }
}
