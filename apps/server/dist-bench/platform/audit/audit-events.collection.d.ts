/** Filters, sort and paging of `GET /api/v1/audit-events`: newest first by default. */
export declare const auditEventCollection: import("../http/collection.js").Collection<{
    occurredAt: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "occurred_at";
            tableName: "audit_events";
            dataType: "date";
            columnType: "PgTimestamp";
            data: Date;
            driverParam: string;
            notNull: true;
            hasDefault: true;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: undefined;
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "date-time";
        filter: ("gte" | "lte")[];
        sort: true;
        description: string;
    };
    action: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "action";
            tableName: "audit_events";
            dataType: "string";
            columnType: "PgText";
            data: string;
            driverParam: string;
            notNull: true;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: [string, ...string[]];
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "string";
        filter: ("in" | "eq" | "contains")[];
        description: string;
    };
    resourceType: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "resource_type";
            tableName: "audit_events";
            dataType: "string";
            columnType: "PgText";
            data: string;
            driverParam: string;
            notNull: true;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: [string, ...string[]];
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "string";
        filter: ("in" | "eq")[];
        description: string;
    };
    resourceId: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "resource_id";
            tableName: "audit_events";
            dataType: "string";
            columnType: "PgText";
            data: string;
            driverParam: string;
            notNull: false;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: [string, ...string[]];
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "string";
        filter: "eq"[];
        description: string;
    };
    actorUserId: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "actor_user_id";
            tableName: "audit_events";
            dataType: "string";
            columnType: "PgUUID";
            data: string;
            driverParam: string;
            notNull: false;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: undefined;
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "uuid";
        filter: "eq"[];
        description: string;
    };
    entityId: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "entity_id";
            tableName: "audit_events";
            dataType: "string";
            columnType: "PgUUID";
            data: string;
            driverParam: string;
            notNull: false;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: undefined;
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "uuid";
        filter: ("in" | "eq")[];
        description: string;
    };
}>;
