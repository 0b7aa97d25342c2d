declare const NativeAggregateError: AggregateErrorConstructor;
export = NativeAggregateError;
