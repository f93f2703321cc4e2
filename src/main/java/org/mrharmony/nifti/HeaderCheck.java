package org.mrharmony.nifti;

import java.util.Optional;

/** One validity rule about one header field (nibabel's {@code _chk_*} functions). */
@FunctionalInterface
interface HeaderCheck {

    Optional<HeaderIssue> check(NiftiHeader header);
}
