package io.quarkiverse.live.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which methods of a component class may touch its {@code @Shared} fields: those that read or write one, call a method
 * of the class (a lambda body included) that may, or hand the component itself to code of another class (which could
 * reach the fields from there). Read from the class's bytecode at build time. A handler that cannot touch a shared
 * field runs without taking the shared locks, so a change of private state never waits for a lock (in a cluster, a
 * round trip to another node).
 */
final class SharedFieldUse {

    private final Map<String, Set<String>> calls = new HashMap<>();
    private final Set<String> touching = new HashSet<>();

    private SharedFieldUse() {
    }

    /** Reads the class of that name, with the given names of its shared fields. */
    static SharedFieldUse of(String className, Set<String> sharedFields) {
        String internal = className.replace('.', '/');
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream bytes = loader.getResourceAsStream(internal + ".class")) {
            SharedFieldUse use = new SharedFieldUse();
            if (bytes == null) {
                // Unreadable: every method may touch them
                use.touching.add("*");
                return use;
            }
            new ClassReader(bytes).accept(use.new Reader(internal, sharedFields), ClassReader.SKIP_DEBUG);
            return use;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the method, or any method of the class it calls, reads or writes a shared field. */
    boolean mayTouch(String name, String descriptor) {
        if (touching.contains("*")) {
            return true;
        }
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(name + descriptor);
        while (!todo.isEmpty()) {
            String method = todo.poll();
            if (!seen.add(method)) {
                continue;
            }
            if (touching.contains(method)) {
                return true;
            }
            todo.addAll(calls.getOrDefault(method, Set.of()));
        }
        return false;
    }

    private final class Reader extends ClassVisitor {
        private final String owner;
        private final String self;
        private final Set<String> sharedFields;

        Reader(String owner, Set<String> sharedFields) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.self = "L" + owner + ";";
            this.sharedFields = sharedFields;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            String method = name + descriptor;
            Set<String> called = calls.computeIfAbsent(method, ignored -> new HashSet<>());
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDescriptor) {
                    if (fieldOwner.equals(owner) && sharedFields.contains(field)) {
                        touching.add(method);
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String methodOwner, String calledName,
                        String calledDescriptor, boolean isInterface) {
                    if (methodOwner.equals(owner)) {
                        called.add(calledName + calledDescriptor);
                    } else if (calledDescriptor.substring(0, calledDescriptor.indexOf(')')).contains(self)) {
                        touching.add(method);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                        Object... arguments) {
                    // A lambda's body is a method of the class: calling the handler may run it
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle && handle.getOwner().equals(owner)) {
                            called.add(handle.getName() + handle.getDesc());
                        }
                    }
                }
            };
        }
    }
}
