package org.goldenthread.pipeline.equality;

import java.util.List;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.SmallNumbers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The equality questions, reached through a person's own link ({@code /equality/{token}}) without
 * an account. The form always starts empty: what someone answered before is never shown back, not
 * even to whoever holds the link.
 */
@Controller
@Public("people in the register answer the voluntary equality questions through the personal link sent to them,"
        + " without an account")
class SelfServicePages {

    private static final FormPage QUESTIONS = new FormPage("pipeline/equality-answer");

    private final SelfService service;
    private final SmallNumbers small;

    SelfServicePages(SelfService service, SmallNumbers small) {
        this.service = service;
        this.small = small;
    }

    @GetMapping("/equality/{token}")
    String questions(@PathVariable String token, Model model) {
        EqualityLinks.Holder holder = holder(token);
        return QUESTIONS.show(page(holder, token, model), SelfService.AnswersForm.empty());
    }

    @PostMapping("/equality/{token}")
    String answer(@PathVariable String token, SelfService.AnswersForm form, Model model) {
        EqualityLinks.Holder holder = holder(token);
        try {
            service.answer(holder, form);
            return "redirect:/equality/" + token + "/thanks";
        } catch (InvalidInput e) {
            return QUESTIONS.showAgain(page(holder, token, model), form, e);
        }
    }

    @GetMapping("/equality/{token}/thanks")
    String thanks(@PathVariable String token, Model model) {
        page(holder(token), token, model);
        return "pipeline/equality-thanks";
    }

    private EqualityLinks.Holder holder(String token) {
        return service.holder(token).orElseThrow(() -> new NotFound("This link does not lead anywhere"));
    }

    private Model page(EqualityLinks.Holder holder, String token, Model model) {
        model.addAttribute("greeting", service.greeting(holder));
        model.addAttribute("base", "/equality/" + token);
        model.addAttribute("k", holder.scope().run(small::minGroupSize));
        model.addAttribute("ethnicGroups", withPreferNotToSay(Characteristic.ETHNIC_GROUP));
        model.addAttribute("sexes", withPreferNotToSay(Characteristic.SEX));
        model.addAttribute("disabilities", withPreferNotToSay(Characteristic.DISABILITY));
        return model;
    }

    /** On this form "not stated" is what someone chooses, so it reads as their choice. */
    private static List<Choice> withPreferNotToSay(Characteristic characteristic) {
        return characteristic.answers().stream()
                .map(c -> c.code().equals("not_stated") ? new Choice(c.code(), "Prefer not to say") : c)
                .toList();
    }
}
