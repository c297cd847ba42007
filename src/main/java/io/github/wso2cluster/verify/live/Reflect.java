package io.github.wso2cluster.verify.live;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls into the Hazelcast classes of an isolated class loader by name. The plugin is compiled against no
 * Hazelcast version: 3.0 and 3.5 differ, and neither may meet Maven's own class path.
 */
final class Reflect {
    private Reflect() {
    }

    static Object call(Object target, String name, Object... args) throws ReflectiveOperationException {
        Method method = find(target.getClass(), name, args);
        if (method == null) {
            throw new NoSuchMethodException(target.getClass().getName() + "." + name + " with " + args.length + " arguments");
        }
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? new ReflectiveOperationException(cause.getMessage(), cause) : e;
        }
    }

    static boolean has(Object target, String name, Object... args) {
        return find(target.getClass(), name, args) != null;
    }

    private static Method find(Class<?> type, String name, Object[] args) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length && fits(method, args)) {
                return method;
            }
        }
        return null;
    }

    private static boolean fits(Method method, Object[] args) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (args[i] != null && !type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        return primitive;
    }
}
