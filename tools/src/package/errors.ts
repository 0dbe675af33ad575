import { ErrorWithFix } from '@temporal-samples/connection/errors';

export class PackageError extends ErrorWithFix {}

/** podman, runc or mmdebstrap missing on the machine that builds the image. */
export class ContainerToolMissingError extends ErrorWithFix {}

/** The local base image could not be made (mmdebstrap failed, or no npm beside this Node). */
export class BaseImageError extends ErrorWithFix {}

/** kubernetes-validate could not be installed from PyPI. */
export class ManifestValidatorInstallError extends ErrorWithFix {}

/** Kubernetes manifests that do not validate against the pinned release's schemas. */
export class ManifestsInvalidError extends ErrorWithFix {}
