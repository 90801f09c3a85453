package org.openita.server.hostile;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * An endpoint that takes a body, read from Spring's handler mappings: its method and pattern, and what it reads (path
 * variables, form fields with their types, a JSON body and its fields, an uploaded file, or a raw body of given
 * media types), so that a generator can send it something bad in each of them.
 */
record Endpoint(RequestMethod method, String pattern, List<Field> path, List<Field> form, List<Field> json, boolean file,
                List<String> consumes, String handler) {

    /** Where a value goes. */
    enum Kind {
        TEXT, NUMBER, WHOLE, BOOLEAN, ENUM, LIST, OBJECT, ANY_NAME
    }

    /**
     * A value the endpoint reads.
     *
     * @param indexed for a list bound from a form: sent as name[0], name[1]...
     * @param children the fields of an object (a JSON object, or the items of a list of objects)
     * @param choices the names of an enum
     */
    record Field(String name, Kind kind, boolean required, boolean indexed, List<Field> children, List<String> choices) {
    }

    boolean api() {
        return pattern.startsWith("/api/");
    }

    /** Whether anything besides the path is read: a request that spoils only a body would then be carried out. */
    boolean readsBody() {
        return !form.isEmpty() || !json.isEmpty() || file || !consumes.isEmpty();
    }

    String describe() {
        return method + " " + pattern;
    }

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.PATCH);

    /** Every endpoint of the application that changes something, one per method and pattern. */
    static List<Endpoint> all(Map<RequestMappingInfo, HandlerMethod> mappings) {
        List<Endpoint> out = new ArrayList<>();
        mappings.forEach((info, handler) -> {
            for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                if (!WRITES.contains(m)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    out.add(of(m, pattern, info, handler));
                }
            }
        });
        out.sort(java.util.Comparator.comparing(Endpoint::describe));
        return out;
    }

    private static Endpoint of(RequestMethod m, String pattern, RequestMappingInfo info, HandlerMethod handler) {
        List<Field> path = new ArrayList<>();
        List<Field> form = new ArrayList<>();
        List<Field> json = new ArrayList<>();
        boolean file = false;
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = p.getParameterType();
            if (p.hasParameterAnnotation(PathVariable.class)) {
                PathVariable a = p.getParameterAnnotation(PathVariable.class);
                path.add(new Field(a.value().isEmpty() ? p.getParameterName() : a.value(), kind(type), true, false, List.of(), choices(type)));
            } else if (MultipartFile.class.isAssignableFrom(type)) {
                file = true;
            } else if (p.hasParameterAnnotation(RequestParam.class)) {
                RequestParam a = p.getParameterAnnotation(RequestParam.class);
                String name = a.value().isEmpty() ? p.getParameterName() : a.value();
                if (Map.class.isAssignableFrom(type)) {
                    form.add(new Field("*", Kind.ANY_NAME, false, false, List.of(), List.of()));
                } else {
                    Kind k = kind(type);
                    Class<?> element = k == Kind.LIST ? element(p.getGenericParameterType()) : type;
                    form.add(new Field(name, k, a.required() && a.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE),
                            false, k == Kind.LIST ? List.of(new Field("", kind(element), true, false, List.of(), List.of())) : List.of(), choices(type)));
                }
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                json.addAll(fields(type, 0));
            } else if (p.hasParameterAnnotation(ModelAttribute.class)) {
                for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
                    if (d.getWriteMethod() == null) {
                        continue;
                    }
                    Kind k = kind(d.getPropertyType());
                    Class<?> element = k == Kind.LIST ? element(d.getWriteMethod().getGenericParameterTypes()[0]) : d.getPropertyType();
                    form.add(new Field(d.getName(), k, false, k == Kind.LIST,
                            k == Kind.LIST ? List.of(new Field("", kind(element), true, false, List.of(), List.of())) : List.of(), choices(d.getPropertyType())));
                }
            }
        }
        List<String> consumes = new ArrayList<>();
        if (json.isEmpty() && !file) {
            info.getConsumesCondition().getConsumableMediaTypes().stream().map(MediaType::toString).forEach(consumes::add);
        }
        return new Endpoint(m, pattern, path, form, json, file, consumes, handler.getShortLogMessage());
    }

    /** The fields of a JSON body's record, with their kinds; nested records and lists of them included. */
    private static List<Field> fields(Class<?> type, int depth) {
        List<Field> out = new ArrayList<>();
        if (!type.isRecord() || depth > 3) {
            return out;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Kind k = kind(c.getType());
            List<Field> children = List.of();
            if (k == Kind.LIST) {
                Class<?> element = element(c.getGenericType());
                Kind ek = kind(element);
                children = List.of(new Field("", ek, true, false, ek == Kind.OBJECT ? fields(element, depth + 1) : List.of(), choices(element)));
            } else if (k == Kind.OBJECT) {
                children = fields(c.getType(), depth + 1);
            }
            out.add(new Field(c.getName(), k, false, false, children, choices(c.getType())));
        }
        return out;
    }

    private static Class<?> element(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return String.class;
    }

    private static List<String> choices(Class<?> type) {
        return type.isEnum() ? java.util.Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList() : List.of();
    }

    static Kind kind(Class<?> type) {
        if (type == String.class || type == CharSequence.class) {
            return Kind.TEXT;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            return Kind.WHOLE;
        }
        if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
            return Kind.NUMBER;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type.isEnum()) {
            return Kind.ENUM;
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Kind.LIST;
        }
        return Kind.OBJECT;
    }
}
