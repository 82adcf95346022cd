package io.r1kit.render;

import io.r1kit.scene.Box3;

import java.util.Locale;

/**
 * An immutable pinhole camera: a look-at pose (eye, target, up), a vertical field of view and an
 * image size, from which the intrinsics follow:
 * {@code fy = (height / 2) / tan(fovY / 2)}, {@code fx = fy} (square pixels),
 * {@code cx = width / 2}, {@code cy = height / 2}.
 *
 * <p>Camera frame: {@code right} (image +u), {@code down} (image +v) and {@code forward} (depth),
 * right-handed. A world point {@code p} maps to {@code u = fx * (p-eye)·right / depth + cx},
 * {@code v = fy * (p-eye)·down / depth + cy}, {@code depth = (p-eye)·forward}; pixel
 * {@code (floor(u), floor(v))} holds it, so pixel centres are at half-integer coordinates.
 *
 * <pre>{@code
 * Camera c = Camera.lookAt(new double[] {0, -5, 2}, new double[] {0, 0, 0}, Camera.Z_UP, 60, 512, 512);
 * Camera.Projection p = c.project(0, 0, 0);   // u = 256, v = 256, depth = sqrt(29)
 * }</pre>
 */
public final class Camera {

    /** World up for z-up scenes (ScanNet, generated rooms). */
    public static final double[] Z_UP = {0, 0, 1};

    private final double[] eye;
    private final double[] target;
    private final double[] up;
    private final double fovY;
    private final int width;
    private final int height;
    private final double[] right;
    private final double[] down;
    private final double[] forward;
    private final double fx;
    private final double fy;

    private Camera(double[] eye, double[] target, double[] up, double fovY, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " must be at least 1x1");
        }
        if (!(fovY > 0 && fovY < 180)) {
            throw new IllegalArgumentException("field of view " + fovY + " degrees must be in (0, 180)");
        }
        for (double[] v : new double[][] {eye, target, up}) {
            if (v.length != 3 || !Double.isFinite(v[0] + v[1] + v[2])) {
                throw new IllegalArgumentException("camera vectors need 3 finite values, got " + java.util.Arrays.toString(v));
            }
        }
        this.eye = eye.clone();
        this.target = target.clone();
        this.up = up.clone();
        this.fovY = fovY;
        this.width = width;
        this.height = height;
        this.forward = Vec.normalize(Vec.sub(target, eye), "eye and target coincide");
        this.right = Vec.normalize(Vec.cross(forward, up), "the view direction is parallel to up; pick another up vector");
        this.down = Vec.cross(forward, right);
        this.fy = (height / 2.0) / Math.tan(Math.toRadians(fovY) / 2);
        this.fx = fy;
    }

    /** A camera at {@code eye} looking at {@code target}, {@code up} roughly the image's up direction. */
    public static Camera lookAt(double[] eye, double[] target, double[] up, double fovYDegrees, int width, int height) {
        return new Camera(eye, target, up, fovYDegrees, width, height);
    }

    /**
     * A camera on a sphere around the box centre: {@code azimuth} degrees counter-clockwise from +x
     * seen from above, {@code elevation} degrees above the horizontal, at {@code distance} metres.
     */
    public static Camera orbit(Box3 box, double azimuthDeg, double elevationDeg, double distance,
                               double fovYDegrees, int width, int height) {
        double a = Math.toRadians(azimuthDeg);
        double e = Math.toRadians(elevationDeg);
        double[] c = {box.cx(), box.cy(), box.cz()};
        double[] eye = {c[0] + distance * Math.cos(e) * Math.cos(a), c[1] + distance * Math.cos(e) * Math.sin(a),
                c[2] + distance * Math.sin(e)};
        // Straight above, z cannot be the up vector: use +y so the image keeps north up.
        double[] up = Math.abs(elevationDeg) > 89.9 ? new double[] {0, 1, 0} : Z_UP;
        return new Camera(eye, c, up, fovYDegrees, width, height);
    }

    /**
     * The distance at which a camera with this field of view sees the whole box: its bounding
     * sphere fits the narrower of the two image extents.
     */
    public static double fitDistance(Box3 box, double fovYDegrees, int width, int height) {
        double radius = 0.5 * Math.sqrt((double) box.dx() * box.dx() + (double) box.dy() * box.dy() + (double) box.dz() * box.dz());
        double halfY = Math.toRadians(fovYDegrees) / 2;
        double halfX = Math.atan(Math.tan(halfY) * width / height);
        return Math.max(radius, 1e-3) / Math.sin(Math.min(halfX, halfY));
    }

    /** An orbit camera at the distance where the whole box is in view. */
    public static Camera fit(Box3 box, double azimuthDeg, double elevationDeg, double fovYDegrees, int width, int height) {
        return orbit(box, azimuthDeg, elevationDeg, fitDistance(box, fovYDegrees, width, height), fovYDegrees, width, height);
    }

    /** Straight down on the box from where it fits in view, +y up in the image (a bird's-eye view). */
    public static Camera topDown(Box3 box, double fovYDegrees, int width, int height) {
        // Fit the footprint rectangle (not its sphere) to both image extents; the top of the box is
        // nearer than its centre, so add half its height.
        double halfY = Math.toRadians(fovYDegrees) / 2;
        double tanX = Math.tan(halfY) * width / height;
        double d = Math.max(Math.max(box.dy() / 2 / Math.tan(halfY), box.dx() / 2 / tanX), 1e-3) + box.dz() / 2;
        double[] c = {box.cx(), box.cy(), box.cz()};
        return new Camera(new double[] {c[0], c[1], c[2] + d}, c, new double[] {0, 1, 0}, fovYDegrees, width, height);
    }

    /**
     * An egocentric camera: the eye at {@code (x, y, eyeHeight)} looking along {@code heading}
     * degrees (counter-clockwise from +x), tilted down by {@code pitchDeg}.
     */
    public static Camera ego(double x, double y, double eyeHeight, double headingDeg, double pitchDeg,
                             double fovYDegrees, int width, int height) {
        double h = Math.toRadians(headingDeg);
        double p = Math.toRadians(pitchDeg);
        double[] eye = {x, y, eyeHeight};
        double[] target = {x + Math.cos(p) * Math.cos(h), y + Math.cos(p) * Math.sin(h), eyeHeight - Math.sin(p)};
        return new Camera(eye, target, Z_UP, fovYDegrees, width, height);
    }

    /** This camera with another image size (same pose and field of view). */
    public Camera withSize(int w, int h) {
        return new Camera(eye, target, up, fovY, w, h);
    }

    /** Where a world point lands: pixel coordinates {@code (u, v)} and depth along the view direction. */
    public record Projection(double u, double v, double depth) {
        /** Whether the point is in front of the camera and inside the image. */
        public boolean inImage(int width, int height) {
            return depth > 0 && u >= 0 && v >= 0 && u < width && v < height;
        }
    }

    /** Projects a world point; the depth is negative behind the camera (then u and v are meaningless). */
    public Projection project(double x, double y, double z) {
        double dx = x - eye[0];
        double dy = y - eye[1];
        double dz = z - eye[2];
        double depth = dx * forward[0] + dy * forward[1] + dz * forward[2];
        double xc = dx * right[0] + dy * right[1] + dz * right[2];
        double yc = dx * down[0] + dy * down[1] + dz * down[2];
        return new Projection(fx * xc / depth + cx(), fy * yc / depth + cy(), depth);
    }

    /** The world point's coordinates in the camera frame: {right, down, forward}. */
    public double[] toCamera(double x, double y, double z) {
        double[] d = {x - eye[0], y - eye[1], z - eye[2]};
        return new double[] {Vec.dot(d, right), Vec.dot(d, down), Vec.dot(d, forward)};
    }

    public double[] eye() { return eye.clone(); }
    public double[] target() { return target.clone(); }
    public double[] up() { return up.clone(); }
    /** Unit vector of image +u in world coordinates. */
    public double[] right() { return right.clone(); }
    /** Unit vector of image +v in world coordinates. */
    public double[] down() { return down.clone(); }
    /** Unit view direction in world coordinates. */
    public double[] forward() { return forward.clone(); }
    public double fovY() { return fovY; }
    public int width() { return width; }
    public int height() { return height; }
    public double fx() { return fx; }
    public double fy() { return fy; }
    public double cx() { return width / 2.0; }
    public double cy() { return height / 2.0; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "eye=%.3f,%.3f,%.3f;target=%.3f,%.3f,%.3f;fov=%.1f (%dx%d)",
                eye[0], eye[1], eye[2], target[0], target[1], target[2], fovY, width, height);
    }

    /**
     * Parses {@code eye=x,y,z;target=x,y,z[;up=x,y,z][;fov=deg]} (the CLI's {@code --camera}); fov
     * defaults to 60 and up to +z.
     */
    public static Camera parse(String spec, int width, int height) {
        double[] eye = null;
        double[] target = null;
        double[] up = Z_UP;
        double fov = 60;
        for (String part : spec.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("camera: '" + p + "' is not key=value (keys: eye, target, up, fov)");
            }
            String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            switch (key) {
                case "eye" -> eye = triple(key, value);
                case "target" -> target = triple(key, value);
                case "up" -> up = triple(key, value);
                case "fov" -> fov = number(key, value);
                default -> throw new IllegalArgumentException("camera: unknown key '" + key + "' (keys: eye, target, up, fov)");
            }
        }
        if (eye == null || target == null) {
            throw new IllegalArgumentException("camera: needs eye=x,y,z and target=x,y,z, got '" + spec + "'");
        }
        return lookAt(eye, target, up, fov, width, height);
    }

    private static double[] triple(String key, String value) {
        String[] s = value.split(",");
        if (s.length != 3) {
            throw new IllegalArgumentException("camera: " + key + " needs three numbers x,y,z, got '" + value + "'");
        }
        return new double[] {number(key, s[0]), number(key, s[1]), number(key, s[2])};
    }

    private static double number(String key, String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("camera: " + key + " has '" + s.strip() + "', not a number");
        }
    }
}
