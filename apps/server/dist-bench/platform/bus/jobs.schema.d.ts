import { Type } from 'typebox';
export declare const QueueSummarySchema: Type.TObject<{
    queue: Type.TString;
    deadLetterQueue: Type.TUnion<[Type.TString, Type.TNull]>;
    counts: Type.TObject<{
        created: Type.TInteger;
        retry: Type.TInteger;
        active: Type.TInteger;
        completed: Type.TInteger;
        cancelled: Type.TInteger;
        failed: Type.TInteger;
    }>;
    waiting: Type.TInteger;
    oldestWaitingSeconds: Type.TNumber;
}>;
export declare const QueueListSchema: Type.TObject<{
    items: Type.TArray<Type.TObject<{
        queue: Type.TString;
        deadLetterQueue: Type.TUnion<[Type.TString, Type.TNull]>;
        counts: Type.TObject<{
            created: Type.TInteger;
            retry: Type.TInteger;
            active: Type.TInteger;
            completed: Type.TInteger;
            cancelled: Type.TInteger;
            failed: Type.TInteger;
        }>;
        waiting: Type.TInteger;
        oldestWaitingSeconds: Type.TNumber;
    }>>;
}>;
export declare const FailedJobSchema: Type.TObject<{
    queue: Type.TString;
    id: Type.TString;
    kind: Type.TUnion<[Type.TLiteral<"failed">, Type.TLiteral<"dead-lettered">]>;
    sourceQueue: Type.TUnion<[Type.TString, Type.TNull]>;
    sourceId: Type.TUnion<[Type.TString, Type.TNull]>;
    retryCount: Type.TInteger;
    createdAt: Type.TString;
    failedAt: Type.TUnion<[Type.TString, Type.TNull]>;
    error: Type.TUnion<[Type.TString, Type.TNull]>;
}>;
export declare const FailedJobListSchema: Type.TObject<{
    items: Type.TArray<Type.TObject<{
        queue: Type.TString;
        id: Type.TString;
        kind: Type.TUnion<[Type.TLiteral<"failed">, Type.TLiteral<"dead-lettered">]>;
        sourceQueue: Type.TUnion<[Type.TString, Type.TNull]>;
        sourceId: Type.TUnion<[Type.TString, Type.TNull]>;
        retryCount: Type.TInteger;
        createdAt: Type.TString;
        failedAt: Type.TUnion<[Type.TString, Type.TNull]>;
        error: Type.TUnion<[Type.TString, Type.TNull]>;
    }>>;
}>;
export declare const FailedJobsQuerySchema: Type.TObject<{
    queue: Type.TOptional<Type.TString>;
    limit: Type.TInteger;
}>;
export declare const JobParamsSchema: Type.TObject<{
    queue: Type.TString;
    id: Type.TString;
}>;
export declare const JobRetriedSchema: Type.TObject<{
    queue: Type.TString;
    id: Type.TString;
    action: Type.TUnion<[Type.TLiteral<"retried">, Type.TLiteral<"redriven">]>;
}>;
