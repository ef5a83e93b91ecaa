package org.goldenthread.platform;

import org.springframework.ui.Model;

/**
 * A page holding one form, shown empty or, after a refused post, again with what the person entered
 * and the problems: the template lists them in the NHS.UK error summary and beside each field
 * (attributes {@code form} and {@code problems}). Every page form is re-shown this one way.
 *
 * @param view the template
 */
public record FormPage(String view) {

    public String show(Model model, Object form) {
        model.addAttribute("form", form);
        return view;
    }

    public String showAgain(Model model, Object form, InvalidInput refusal) {
        model.addAttribute("problems", refusal.problems());
        return show(model, form);
    }
}
