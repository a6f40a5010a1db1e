package org.lectern.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;

/**
 * The one way a form shows what is wrong: on the field. Fields are registered with the words a rule's
 * message uses for them ("title", "e-mail"); required fields are checked before the service is called; a
 * service's {@link InvalidInputException} lands on the field it names ({@link InvalidInputException#field()})
 * or, failing that, on the first field whose words its message contains; only a message that belongs to
 * no field becomes a short pop-up at the bottom.
 */
public final class Form {

    private record Entry(HasValidation field, List<String> words, String requiredMessage) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A field whose problems are recognised by {@code words} (the field's key in exceptions, or words in messages). */
    public Form field(HasValidation field, String... words) {
        entries.add(new Entry(field, List.of(words), null));
        return this;
    }

    /** A field that must be filled in, with the sentence shown on it when it is not. */
    public Form required(HasValidation field, String message, String... words) {
        entries.add(new Entry(field, List.of(words), message));
        return this;
    }

    /** Clears the marks, checks required fields, runs the action; empty (and a field marked) when refused. */
    public <T> Optional<T> submit(Supplier<T> action) {
        clear();
        for (Entry e : entries) {
            if (e.requiredMessage() != null && e.field() instanceof HasValue<?, ?> v && isEmpty(v)) {
                mark(e, e.requiredMessage());
                return Optional.empty();
            }
        }
        try {
            return Optional.of(action.get());
        } catch (InvalidInputException | ConflictException ex) {
            String field = ex instanceof InvalidInputException invalid ? invalid.field() : null;
            Entry target = find(field, ex.getMessage());
            if (target != null) {
                mark(target, ex.getMessage());
            } else {
                Notifications.error(ex.getMessage());
            }
            return Optional.empty();
        } catch (org.lectern.platform.ForbiddenException | org.lectern.platform.NotFoundException ex) {
            Notifications.error(ex.getMessage());
            return Optional.empty();
        }
    }

    /** {@link #submit} for an action without a value: true when it went through. */
    public boolean run(Runnable action) {
        return submit(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Marks the field for {@code message} as {@link #run} would; true when one took it. */
    public boolean show(String message) {
        Entry target = find(null, message);
        if (target != null) {
            mark(target, message);
            return true;
        }
        return false;
    }

    public void clear() {
        for (Entry e : entries) {
            e.field().setInvalid(false);
            e.field().setErrorMessage(null);
        }
    }

    private Entry find(String field, String message) {
        if (field != null) {
            for (Entry e : entries) {
                if (e.words().contains(field)) {
                    return e;
                }
            }
        }
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            for (String w : e.words()) {
                if (text.contains(w.toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
        }
        return null;
    }

    private static void mark(Entry e, String message) {
        e.field().setErrorMessage(message);
        e.field().setInvalid(true);
        if (e.field() instanceof Focusable<?> f && e.field() instanceof Component c && c.isAttached()) {
            f.focus();
        }
    }

    private static boolean isEmpty(HasValue<?, ?> v) {
        Object value = v.getValue();
        return v.isEmpty() || value instanceof String s && s.isBlank();
    }
}
