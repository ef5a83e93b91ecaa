package org.goldenthread.platform;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

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

    /** Reads a whole file sent with a page's form and stores what it holds, or refuses it whole. */
    @FunctionalInterface
    public interface FileImport {
        Object importFile(byte[] bytes);
    }

    /**
     * Imports a small file sent with a page's form: {@code imported} is what the import answered, or,
     * when it refused the file, {@code fileProblems} lists each problem by row and field with one line
     * above saying nothing was imported. The page is then shown as the caller shows it.
     */
    public static void importFile(Model model, @Nullable MultipartFile file, FileImport work) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(Problem.of("file", "Choose a CSV file to import")));
            return;
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try {
            model.addAttribute("imported", work.importFile(file.getBytes()));
        } catch (InvalidInput e) {
            showFileProblems(model, e.problems());
        }
    }

    /** A refused file's problems, each by row and field, and one line above saying nothing was imported. */
    public static void showFileProblems(Model model, List<Problem> problems) {
        model.addAttribute("fileProblems", problems);
        String count = problems.size() == 1 ? "a problem" : Plurals.of(problems.size(), "problem");
        model.addAttribute(
                "problems", List.of(Problem.of("file", "The file has " + count + ", so nothing was imported")));
    }
}
