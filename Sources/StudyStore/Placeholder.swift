/// Placeholder so the package builds while this module is written.
enum StudyStoreModulePlaceholder {}
