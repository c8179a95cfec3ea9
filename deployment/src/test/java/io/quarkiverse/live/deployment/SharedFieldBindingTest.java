package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;
import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.ComponentBinding.SharedField;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The generated binding knows each {@code @Shared} field's key (named, or {@code SimpleClassName.field}) and full
 * generic type, which the runtime reads JSON back as.
 */
public class SharedFieldBindingTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Board.class, Outside.class)
                    .addAsResource(new StringAsset("<p>{notes.size}{scores.size}{total}{mine}</p>"),
                            "templates/Board.html"));

    @Inject
    LiveComponents components;

    @Test
    void keysAndTypesAreKnown() {
        ComponentBinding board = components.find("Board");
        assertEquals(Set.of(
                new SharedField("notes", "board", "java.util.List<java.lang.String>"),
                new SharedField("scores", "Board.scores", "java.util.Map<java.lang.String,java.lang.Integer>"),
                new SharedField("total", "Board.total", "int")), Set.copyOf(board.sharedFields()));
    }

    @Test
    void onlyHandlersThatMayTouchASharedFieldTakeTheLocks() {
        ComponentBinding board = components.find("Board");
        assertTrue(board.touchesShared("addNote"), "reads the field, then changes the list in it");
        assertFalse(board.touchesShared("setMine"), "private state only");
        assertTrue(board.touchesShared("viaHelper"), "through a method of the class");
        assertTrue(board.touchesShared("viaLambda"), "through a lambda's body");
        assertTrue(board.touchesShared("handsItselfOut"), "gives the component to other code");
    }

    @Live
    static class Board {

        @Shared("board")
        List<String> notes;

        @Shared
        Map<String, Integer> scores;

        @Shared
        int total;

        int mine;

        void addNote(String note) {
            notes.add(note);
        }

        void setMine(int value) {
            mine = value;
        }

        void viaHelper() {
            helper();
        }

        private void helper() {
            total++;
        }

        void viaLambda() {
            Runnable bump = () -> total++;
            bump.run();
        }

        void handsItselfOut() {
            Outside.touch(this);
        }
    }

    static class Outside {
        static void touch(Board board) {
            board.total++;
        }
    }
}
