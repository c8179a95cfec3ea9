package org.acme;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.live.Live;

@Live(path = "/todos")
public class TodoList {

    private final List<Todo> todos = new ArrayList<>();
    private int nextId = 1;

    void add(String text) {
        if (text != null && !text.isBlank()) {
            todos.add(new Todo(nextId++, text.strip()));
        }
    }

    void toggle(int id) {
        todos.stream().filter(todo -> todo.id == id).forEach(todo -> todo.done = !todo.done);
    }

    void remove(int id) {
        todos.removeIf(todo -> todo.id == id);
    }

    long remaining() {
        return todos.stream().filter(todo -> !todo.done).count();
    }

    public static class Todo {
        public final int id;
        public final String text;
        public boolean done;

        Todo(int id, String text) {
            this.id = id;
            this.text = text;
        }
    }
}
