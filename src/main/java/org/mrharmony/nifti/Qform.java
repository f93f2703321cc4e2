package org.mrharmony.nifti;

/**
 * The qform parameters of a NIfTI header and the two conversions between them and a 4x4
 * affine, transcribed from {@code nifti_quatern_to_mat44} and {@code nifti_mat44_to_quatern}
 * in the reference library nifti1_io.c (double precision here throughout).
 *
 * @param b,c,d       quatern_b/c/d: the rotation as a unit quaternion whose a is implied
 * @param qx,qy,qz    qoffset_x/y/z: the world position of voxel (0,0,0)
 * @param dx,dy,dz    pixdim[1..3]: voxel spacings
 * @param qfac        pixdim[0]: -1 flips the third axis (a left-handed grid), +1 otherwise
 */
record Qform(double b, double c, double d, double qx, double qy, double qz,
             double dx, double dy, double dz, double qfac) {

    /** Below this, 1 - (b²+c²+d²) is treated as 0: a 180° rotation, as nifti1_io does. */
    private static final double A_SQUARED_EPS = 1e-7;

    /** The affine these parameters describe. Non-positive (or non-finite) spacings count as 1, as in nifti1_io. */
    double[][] toAffine() {
        double qb = b;
        double qc = c;
        double qd = d;
        double a = 1.0 - (qb * qb + qc * qc + qd * qd);
        if (a < A_SQUARED_EPS) {
            double norm = 1.0 / Math.sqrt(qb * qb + qc * qc + qd * qd);
            qb *= norm;
            qc *= norm;
            qd *= norm;
            a = 0.0;
        } else {
            a = Math.sqrt(a);
        }
        double xd = usableSpacing(dx);
        double yd = usableSpacing(dy);
        double zd = usableSpacing(dz);
        if (qfac < 0) {
            zd = -zd;
        }
        return new double[][] {
            {(a * a + qb * qb - qc * qc - qd * qd) * xd, 2 * (qb * qc - a * qd) * yd, 2 * (qb * qd + a * qc) * zd, qx},
            {2 * (qb * qc + a * qd) * xd, (a * a + qc * qc - qb * qb - qd * qd) * yd, 2 * (qc * qd - a * qb) * zd, qy},
            {2 * (qb * qd - a * qc) * xd, 2 * (qc * qd + a * qb) * yd, (a * a + qd * qd - qc * qc - qb * qb) * zd, qz},
            {0, 0, 0, 1}};
    }

    static double usableSpacing(double s) {
        return s > 0 && Double.isFinite(s) ? s : 1.0;
    }

    /**
     * The qform closest to an affine: spacings are the column lengths, the rotation is the
     * orthogonal matrix nearest the normalised columns (polar decomposition, so a sheared
     * affine still gets a sensible rotation), and qfac is -1 when that rotation is improper.
     */
    static Qform fromAffine(double[][] m) {
        double r11 = m[0][0], r12 = m[0][1], r13 = m[0][2];
        double r21 = m[1][0], r22 = m[1][1], r23 = m[1][2];
        double r31 = m[2][0], r32 = m[2][1], r33 = m[2][2];

        double xd = Math.sqrt(r11 * r11 + r21 * r21 + r31 * r31);
        double yd = Math.sqrt(r12 * r12 + r22 * r22 + r32 * r32);
        double zd = Math.sqrt(r13 * r13 + r23 * r23 + r33 * r33);
        // A zero column carries no direction: patch it with the matching unit axis.
        if (xd == 0) {
            r11 = 1;
            r21 = r31 = 0;
            xd = 1;
        }
        if (yd == 0) {
            r22 = 1;
            r12 = r32 = 0;
            yd = 1;
        }
        if (zd == 0) {
            r33 = 1;
            r13 = r23 = 0;
            zd = 1;
        }
        double[][] q = {
            {r11 / xd, r12 / yd, r13 / zd},
            {r21 / xd, r22 / yd, r23 / zd},
            {r31 / xd, r32 / yd, r33 / zd}};
        double[][] p = Matrix3.polar(q);

        double qfac;
        if (Matrix3.determinant(p) > 0) {
            qfac = 1.0;
        } else {
            qfac = -1.0;
            for (int r = 0; r < 3; r++) {
                p[r][2] = -p[r][2];
            }
        }
        r11 = p[0][0];
        r12 = p[0][1];
        r13 = p[0][2];
        r21 = p[1][0];
        r22 = p[1][1];
        r23 = p[1][2];
        r31 = p[2][0];
        r32 = p[2][1];
        r33 = p[2][2];

        double a = r11 + r22 + r33 + 1.0;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r32 - r23) / a;
            c = 0.25 * (r13 - r31) / a;
            d = 0.25 * (r21 - r12) / a;
        } else {
            // Near a 180° rotation: divide by the largest of b, c, d instead of by a.
            double bb = 1.0 + r11 - (r22 + r33);
            double cc = 1.0 + r22 - (r11 + r33);
            double dd = 1.0 + r33 - (r11 + r22);
            if (bb > 1.0) {
                b = 0.5 * Math.sqrt(bb);
                c = 0.25 * (r12 + r21) / b;
                d = 0.25 * (r13 + r31) / b;
                a = 0.25 * (r32 - r23) / b;
            } else if (cc > 1.0) {
                c = 0.5 * Math.sqrt(cc);
                b = 0.25 * (r12 + r21) / c;
                d = 0.25 * (r23 + r32) / c;
                a = 0.25 * (r13 - r31) / c;
            } else {
                d = 0.5 * Math.sqrt(dd);
                b = 0.25 * (r13 + r31) / d;
                c = 0.25 * (r23 + r32) / d;
                a = 0.25 * (r21 - r12) / d;
            }
            // The quaternion stored has a >= 0 (a is implied from b, c, d).
            if (a < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new Qform(b, c, d, m[0][3], m[1][3], m[2][3], xd, yd, zd, qfac);
    }
}
