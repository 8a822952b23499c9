export declare function ofPlace(name: string, typeLiaison: number): string;
