package org.goldenthread.engagement.audiences;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.goldenthread.people.CareerStage;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Search;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.SeatType;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audiences pages: segments built from the register with a live count, and the contacts outside
 * the register that an ICS keeps.
 */
@Controller
class AudiencePages {

    private static final FormPage PAGE = new FormPage("engagement/audiences/audiences");
    private static final FormPage BUILDER = new FormPage("engagement/audiences/segment-new");
    private static final FormPage CONTACTS = new FormPage("engagement/audiences/contacts");
    static final int CONTACTS_PER_PAGE = 25;
    /**
     * Up to this many forums the builder ticks from the whole list; beyond it, each a tick box would
     * make the page too long to use, so it shows those ticked and those found by name.
     */
    static final int FORUMS_LISTED = 30;

    private final Audiences audiences;
    private final Contacts contacts;
    private final Population population;
    private final IcsMap map;
    private final Forums forums;

    AudiencePages(Audiences audiences, Contacts contacts, Population population, IcsMap map, Forums forums) {
        this.audiences = audiences;
        this.contacts = contacts;
        this.population = population;
        this.map = map;
        this.forums = forums;
    }

    /** A segment as ticked on the page; {@code action} says whether to count it or keep it. */
    record SegmentForm(
            @Nullable String name,
            @Nullable List<String> levels,
            @Nullable List<String> places,
            @Nullable List<String> forums,
            @BindParam("seat_types") @Nullable List<String> seatTypes,
            @Nullable List<String> professions,
            @BindParam("profession_groups") @Nullable List<String> professionGroups,
            @Nullable List<String> sectors,
            @BindParam("career_stages") @Nullable List<String> careerStages,
            @BindParam("include_contacts") @Nullable String includeContacts,
            @BindParam("forum_find") @Nullable String forumFind,
            @Nullable String action) {

        static SegmentForm blank() {
            return new SegmentForm(null, null, null, null, null, null, null, null, null, "false", null, null);
        }

        Criteria criteria() {
            return Criteria.of(levels, places, forums, seatTypes, professions, professionGroups, sectors, careerStages);
        }

        boolean contacts() {
            return "true".equals(includeContacts);
        }
    }

    /** A contact as typed, its fields named apart from the segment form's on the same page. */
    record ContactForm(
            @BindParam("contact-name") @Nullable String name,
            @BindParam("contact-email") @Nullable String email,
            @BindParam("contact-profession") @Nullable String profession,
            @BindParam("contact-organisation") @Nullable String organisation,
            @BindParam("contact-kind") @Nullable String kind) {

        Contacts.NewContact contact() {
            return new Contacts.NewContact(name, email, profession, organisation, kind);
        }
    }

    private static String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/audiences";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/audiences")
    String page(@PathVariable String ods, Model model) {
        return PAGE.show(page(model), SegmentForm.blank());
    }

    /** The segments with whom each reaches today, and how many contacts there are. */
    private Model page(Model model) {
        model.addAttribute(
                "segments",
                audiences.segments().stream()
                        .map(s -> new Listed(s, audiences.count(s.criteria(), s.includeContacts())))
                        .toList());
        model.addAttribute("contactCount", contacts.contacts().size());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/audiences/new")
    String builder(@PathVariable String ods, Model model) {
        return BUILDER.show(choices(model, SegmentForm.blank()), SegmentForm.blank());
    }

    /** What a segment may select on, with the forums to list for what the form has ticked and found. */
    private Model choices(Model model, SegmentForm form) {
        model.addAttribute("levels", Choice.of(Level.class));
        model.addAttribute(
                "places",
                map.places().stream().map(p -> new Choice(p.name(), p.name())).toList());
        forumChoices(model, form);
        model.addAttribute("seatTypes", Choice.of(SeatType.class));
        model.addAttribute(
                "groups",
                population.professionGroups().stream()
                        .map(g -> new Choice(g, g))
                        .toList());
        model.addAttribute(
                "professions",
                population.professions().stream()
                        .map(p -> new Choice(p.code(), p.name()))
                        .toList());
        model.addAttribute("sectors", Choice.of(Sector.class));
        model.addAttribute("stages", Choice.of(CareerStage.class));
        return model;
    }

    /**
     * Every forum when there are few. Otherwise the ticked ones first, then up to {@link #FORUMS_LISTED}
     * more whose name, level or place contains what was typed in the forum search.
     */
    private void forumChoices(Model model, SegmentForm form) {
        List<Forum> all = forums.forums();
        if (all.size() <= FORUMS_LISTED) {
            model.addAttribute(
                    "forumChoices", all.stream().map(AudiencePages::choice).toList());
            return;
        }
        Set<String> ticked = form.forums() == null ? Set.of() : Set.copyOf(form.forums());
        Search search = Search.of(form.forumFind());
        Map<String, String> levels = Coded.labels(Level.class);
        List<Forum> found = search.words().isEmpty()
                ? List.of()
                : all.stream()
                        .filter(f -> !ticked.contains(f.name()))
                        .filter(f -> search.finds(f.name(), levels.get(f.level()), f.place()))
                        .toList();
        model.addAttribute(
                "forumChoices",
                Stream.concat(
                                all.stream().filter(f -> ticked.contains(f.name())),
                                found.stream().limit(FORUMS_LISTED))
                        .map(AudiencePages::choice)
                        .toList());
        model.addAttribute(
                "forumFinder",
                new ForumFinder(
                        all.size(),
                        ticked.size(),
                        form.forumFind() == null ? "" : form.forumFind().trim(),
                        found.size()));
    }

    private static Choice choice(Forum f) {
        return new Choice(f.name(), f.name());
    }

    /** What the forum search says of itself when an ICS has too many forums to list. */
    record ForumFinder(int forums, int ticked, String typed, int found) {

        public String summary() {
            String kept = ticked == 0
                    ? ""
                    : " " + (ticked == 1 ? "The forum ticked stays" : "The " + ticked + " forums ticked stay")
                            + " listed first.";
            if (typed.isEmpty()) {
                return "This ICS has " + Plurals.of(forums, "forum", "forums")
                        + ", too many to list: find them by part of a name, a level or a place." + kept;
            }
            String more = ticked == 0 ? "" : "more ";
            return Plurals.of(found, more + "forum matches", more + "forums match") + " \u201c" + typed + "\u201d"
                    + (found > FORUMS_LISTED
                            ? "; the first " + FORUMS_LISTED + " are listed, so add words to narrow it."
                            : ".")
                    + kept;
        }
    }

    /** A segment with what it reaches today. */
    record Listed(Segment segment, Audiences.Count count) {

        public String reaches() {
            return Plurals.of(count.reachable(), "person", "people") + " with an email address"
                    + (count.withoutEmail() == 0
                            ? ""
                            : "; " + Plurals.of(count.withoutEmail(), "more person", "more people")
                                    + " on the register without one");
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/audiences/segments")
    String segment(@PathVariable String ods, SegmentForm form, Model model, RedirectAttributes redirect) {
        try {
            if ("find".equals(form.action())) {
                return BUILDER.show(choices(model, form), form);
            }
            if ("count".equals(form.action())) {
                Audiences.Count count = audiences.count(form.criteria(), form.contacts());
                model.addAttribute("counted", new Listed(new Segment(0, "", form.criteria(), form.contacts()), count));
                return BUILDER.show(choices(model, form), form);
            }
            Segment s = audiences.create(form.name(), form.criteria(), form.contacts());
            Audiences.Count count = audiences.count(s.criteria(), s.includeContacts());
            redirect.addFlashAttribute(
                    "success",
                    "The segment " + s.name() + " is saved. It reaches " + new Listed(s, count).reaches() + " today.");
            return "redirect:" + base();
        } catch (InvalidInput e) {
            return BUILDER.showAgain(choices(model, form), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/audiences/segments/{id}/delete")
    String deleteSegment(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            audiences.delete(id);
            redirect.addFlashAttribute("success", "The segment is deleted.");
            return "redirect:" + base();
        } catch (InvalidInput e) {
            return PAGE.showAgain(page(model), SegmentForm.blank(), e);
        }
    }

    /** The contacts outside the register, a page at a time, with the form to add one. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/audiences/contacts")
    String contactsPage(@PathVariable String ods, @RequestParam(defaultValue = "1") int page, Model model) {
        return CONTACTS.show(contacts(model, page), new Contacts.NewContact(null, null, null, null, "student"));
    }

    private Model contacts(Model model, int page) {
        model.addAttribute(
                "contacts", ListPage.of(contacts.contacts(), page, CONTACTS_PER_PAGE, base() + "/contacts", Map.of()));
        model.addAttribute(
                "professions",
                population.professions().stream()
                        .map(p -> new Choice(p.code(), p.name()))
                        .toList());
        model.addAttribute("kinds", Choice.of(Contacts.Kind.class));
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/audiences/contacts")
    String addContact(@PathVariable String ods, ContactForm form, Model model, RedirectAttributes redirect) {
        try {
            Contacts.Contact c = contacts.add(form.contact());
            redirect.addFlashAttribute("success", c.name() + " is added to the contacts.");
            return "redirect:" + base() + "/contacts";
        } catch (InvalidInput e) {
            // the fields are named as the API's are, with a prefix of their own
            List<org.goldenthread.platform.Problem> prefixed = e.problems().stream()
                    .map(p -> org.goldenthread.platform.Problem.of("contact-" + p.field(), p.reason()))
                    .toList();
            return CONTACTS.showAgain(contacts(model, 1), form.contact(), new InvalidInput(prefixed));
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/audiences/contacts/{id}/remove")
    String removeContact(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        contacts.remove(id);
        redirect.addFlashAttribute("success", "The contact is removed, with everything kept about them.");
        return "redirect:" + base() + "/contacts";
    }
}
