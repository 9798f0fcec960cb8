/*
 * The jni binding style of bench/call-overhead: JNI glue written by hand, the way a JNI binding
 * of a C-ABI library usually is. Each native method of JniBindings calls the Rust library's
 * export directly (the glue is linked against it), checks the status, and on failure throws
 * NativeCallException with the library's last error message.
 */
#include <jni.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dev_ferrule_bench_overhead_JniBindings.h"

/* ferrule-ffi's FfiBuffer: bytes Rust owns until call_overhead_buffer_free takes them back. */
typedef struct {
    uint8_t *ptr;
    size_t len;
} FfiBuffer;

typedef int64_t (*ValueCallback)(int64_t value, size_t user_data);

/* The Rust library's exports, as src/main/rust/src/lib.rs declares them. */
int32_t call_overhead_noop(void);
int32_t call_overhead_add(int64_t a, int64_t b, int64_t *out);
int32_t call_overhead_checksum(const uint8_t *data, size_t len, uint32_t *out);
int32_t call_overhead_echo(const uint8_t *text, size_t text_len, FfiBuffer *out);
void call_overhead_buffer_free(FfiBuffer buffer);
int32_t call_overhead_counter_new(int64_t initial, uint64_t *out);
int32_t call_overhead_counter_add(uint64_t counter, int64_t amount, int64_t *out);
int32_t call_overhead_counter_release(uint64_t counter);
int32_t call_overhead_always_fail(void);
int32_t call_overhead_apply_callback(int64_t value, ValueCallback callback, size_t user_data, int64_t *out);
size_t call_overhead_last_error_message(uint8_t *buf, size_t cap);

/* Looked up once: a class or method lookup per call would dominate the calls measured. */
static jclass native_call_exception;
static jmethodID native_call_exception_init;
static jmethodID apply_as_long;

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    jclass exception = (*env)->FindClass(env, "dev/ferrule/bench/overhead/NativeCallException");
    if (exception == NULL) {
        return JNI_ERR;
    }
    native_call_exception = (*env)->NewGlobalRef(env, exception);
    native_call_exception_init = (*env)->GetMethodID(env, exception, "<init>", "(ILjava/lang/String;)V");
    jclass operator = (*env)->FindClass(env, "java/util/function/LongUnaryOperator");
    if (native_call_exception == NULL || native_call_exception_init == NULL || operator == NULL) {
        return JNI_ERR;
    }
    apply_as_long = (*env)->GetMethodID(env, operator, "applyAsLong", "(J)J");
    return apply_as_long == NULL ? JNI_ERR : JNI_VERSION_1_8;
}

static void throw_failure(JNIEnv *env, int32_t status) {
    /* ferrule-ffi bounds the last error to 1 KiB; one more byte for the NUL NewStringUTF needs. */
    char message[1025];
    size_t written = call_overhead_last_error_message((uint8_t *) message, sizeof message - 1);
    message[written] = '\0';
    jstring text = (*env)->NewStringUTF(env, message);
    if (text == NULL) {
        return; /* OutOfMemoryError is pending. */
    }
    jobject exception = (*env)->NewObject(env, native_call_exception, native_call_exception_init, (jint) status,
                                          text);
    if (exception != NULL) {
        (*env)->Throw(env, (jthrowable) exception);
    }
}

static int null_argument(JNIEnv *env, jobject argument, const char *name) {
    if (argument != NULL) {
        return 0;
    }
    jclass npe = (*env)->FindClass(env, "java/lang/NullPointerException");
    if (npe != NULL) {
        (*env)->ThrowNew(env, npe, name);
    }
    return 1;
}

JNIEXPORT void JNICALL Java_dev_ferrule_bench_overhead_JniBindings_noop(JNIEnv *env, jclass cls) {
    int32_t status = call_overhead_noop();
    if (status != 0) {
        throw_failure(env, status);
    }
}

JNIEXPORT jlong JNICALL Java_dev_ferrule_bench_overhead_JniBindings_add(JNIEnv *env, jclass cls, jlong left,
                                                                         jlong right) {
    int64_t sum;
    int32_t status = call_overhead_add((int64_t) left, (int64_t) right, &sum);
    if (status != 0) {
        throw_failure(env, status);
        return 0;
    }
    return (jlong) sum;
}

JNIEXPORT jint JNICALL Java_dev_ferrule_bench_overhead_JniBindings_checksum(JNIEnv *env, jclass cls,
                                                                            jbyteArray data) {
    if (null_argument(env, data, "data")) {
        return 0;
    }
    jsize length = (*env)->GetArrayLength(env, data);
    uint32_t checksum;
    /* Read in place, without a copy: the library only reads the bytes and never calls into Java. */
    void *bytes = (*env)->GetPrimitiveArrayCritical(env, data, NULL);
    if (bytes == NULL) {
        return 0;
    }
    int32_t status = call_overhead_checksum((const uint8_t *) bytes, (size_t) length, &checksum);
    (*env)->ReleasePrimitiveArrayCritical(env, data, bytes, JNI_ABORT);
    if (status != 0) {
        throw_failure(env, status);
        return 0;
    }
    return (jint) checksum;
}

JNIEXPORT jstring JNICALL Java_dev_ferrule_bench_overhead_JniBindings_echo(JNIEnv *env, jclass cls, jstring text) {
    if (null_argument(env, text, "text")) {
        return NULL;
    }
    /*
     * JNI's strings are modified UTF-8, which is UTF-8 for text without NUL characters or
     * characters beyond the BMP: all this benchmark sends. A general binding would convert
     * through byte arrays in Java instead.
     */
    jsize length = (*env)->GetStringUTFLength(env, text);
    const char *chars = (*env)->GetStringUTFChars(env, text, NULL);
    if (chars == NULL) {
        return NULL;
    }
    FfiBuffer echoed;
    int32_t status = call_overhead_echo((const uint8_t *) chars, (size_t) length, &echoed);
    (*env)->ReleaseStringUTFChars(env, text, chars);
    if (status != 0) {
        throw_failure(env, status);
        return NULL;
    }
    /* NewStringUTF reads up to a NUL; the library's buffer has a length and no NUL. */
    char small[256];
    char *terminated = echoed.len < sizeof small ? small : malloc(echoed.len + 1);
    if (terminated == NULL) {
        call_overhead_buffer_free(echoed);
        jclass oom = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
        if (oom != NULL) {
            (*env)->ThrowNew(env, oom, "no memory to copy the echoed text");
        }
        return NULL;
    }
    if (echoed.len > 0) {
        memcpy(terminated, echoed.ptr, echoed.len);
    }
    terminated[echoed.len] = '\0';
    call_overhead_buffer_free(echoed);
    jstring result = (*env)->NewStringUTF(env, terminated);
    if (terminated != small) {
        free(terminated);
    }
    return result;
}

JNIEXPORT jlong JNICALL Java_dev_ferrule_bench_overhead_JniBindings_counterNew(JNIEnv *env, jclass cls,
                                                                                jlong initial) {
    uint64_t counter;
    int32_t status = call_overhead_counter_new((int64_t) initial, &counter);
    if (status != 0) {
        throw_failure(env, status);
        return 0;
    }
    return (jlong) counter;
}

JNIEXPORT jlong JNICALL Java_dev_ferrule_bench_overhead_JniBindings_counterAdd(JNIEnv *env, jclass cls,
                                                                                jlong counter, jlong amount) {
    int64_t value;
    int32_t status = call_overhead_counter_add((uint64_t) counter, (int64_t) amount, &value);
    if (status != 0) {
        throw_failure(env, status);
        return 0;
    }
    return (jlong) value;
}

JNIEXPORT void JNICALL Java_dev_ferrule_bench_overhead_JniBindings_counterRelease(JNIEnv *env, jclass cls,
                                                                                   jlong counter) {
    int32_t status = call_overhead_counter_release((uint64_t) counter);
    if (status != 0) {
        throw_failure(env, status);
    }
}

JNIEXPORT void JNICALL Java_dev_ferrule_bench_overhead_JniBindings_alwaysFail(JNIEnv *env, jclass cls) {
    int32_t status = call_overhead_always_fail();
    if (status != 0) {
        throw_failure(env, status);
    }
}

/* What the C callback needs to reach the Java one; the library hands it back as user_data. */
typedef struct {
    JNIEnv *env;
    jobject callback;
} JavaCallback;

static int64_t call_java(int64_t value, size_t user_data) {
    JavaCallback *java = (JavaCallback *) (uintptr_t) user_data;
    JNIEnv *env = java->env;
    /* With an exception pending, JNI allows no more Java calls; it is thrown once the call returns. */
    if ((*env)->ExceptionCheck(env)) {
        return 0;
    }
    return (int64_t) (*env)->CallLongMethod(env, java->callback, apply_as_long, (jlong) value);
}

JNIEXPORT jlong JNICALL Java_dev_ferrule_bench_overhead_JniBindings_applyCallback(JNIEnv *env, jclass cls,
                                                                                   jlong value, jobject callback) {
    if (null_argument(env, callback, "callback")) {
        return 0;
    }
    JavaCallback java = {env, callback};
    int64_t result;
    int32_t status = call_overhead_apply_callback((int64_t) value, call_java, (size_t) (uintptr_t) &java, &result);
    if ((*env)->ExceptionCheck(env)) {
        return 0; /* The callback's exception explains whatever the status says. */
    }
    if (status != 0) {
        throw_failure(env, status);
        return 0;
    }
    return (jlong) result;
}
