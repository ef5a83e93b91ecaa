package org.goldenthread.engagement.audiences;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Segments and contacts through the API: describe an audience, count it, and keep people outside the register. */
@RestController
class AudienceApi {

    private final Audiences audiences;
    private final Contacts contacts;

    AudienceApi(Audiences audiences, Contacts contacts) {
        this.audiences = audiences;
        this.contacts = contacts;
    }

    record NewSegment(
            @Nullable String name,
            @Nullable Criteria criteria,
            @JsonProperty("include_contacts") @Nullable Boolean includeContacts) {

        boolean contacts() {
            return Boolean.TRUE.equals(includeContacts);
        }
    }

    record Counted(Segment segment, Audiences.Count count) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "The ICS's segments, each with how many it reaches today")
    @GetMapping("/api/v1/ics/{ods}/segments")
    List<Counted> segments(@PathVariable String ods) {
        return audiences.segments().stream()
                .map(s -> new Counted(s, audiences.count(s.criteria(), s.includeContacts())))
                .toList();
    }

    /** Counts whom criteria would reach, without keeping them: the live count before a segment is saved. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Count whom criteria reach today")
    @PostMapping("/api/v1/ics/{ods}/segments/count")
    Audiences.Count count(@PathVariable String ods, @RequestBody NewSegment body) {
        return audiences.count(criteria(body), body.contacts());
    }

    /** Keeps a segment. Every level, place, forum, seat type, profession, group, sector and stage named must exist. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Create a segment")
    @PostMapping("/api/v1/ics/{ods}/segments")
    @ResponseStatus(HttpStatus.CREATED)
    Counted create(@PathVariable String ods, @RequestBody NewSegment body) {
        Segment s = audiences.create(body.name(), criteria(body), body.contacts());
        return new Counted(s, audiences.count(s.criteria(), s.includeContacts()));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Delete a segment no event depends on")
    @DeleteMapping("/api/v1/ics/{ods}/segments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String ods, @PathVariable long id) {
        audiences.delete(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "The ICS's contacts outside the register")
    @GetMapping("/api/v1/ics/{ods}/contacts")
    List<Contacts.Contact> contacts(@PathVariable String ods) {
        return contacts.contacts();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Add a contact outside the register")
    @PostMapping("/api/v1/ics/{ods}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contacts.Contact addContact(@PathVariable String ods, @RequestBody Contacts.NewContact body) {
        return contacts.add(body);
    }

    /** Removes a contact entirely, as they may ask. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Remove a contact")
    @DeleteMapping("/api/v1/ics/{ods}/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeContact(@PathVariable String ods, @PathVariable long id) {
        contacts.remove(id);
    }

    private static Criteria criteria(NewSegment body) {
        return body.criteria() == null ? Criteria.none() : body.criteria();
    }
}
