// Placeholder: filled in by the award sub-domain that owns this file.
export {};
