package dev.ferrule.util;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that a file Ferrule reads may leave out. Every other component is
 * required: {@link RecordCheck} reports the first one that is missing, so an incomplete input is
 * named and refused instead of failing later with a NullPointerException.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface MayBeAbsent {
}
