enum StoreConformancePlaceholder {}
