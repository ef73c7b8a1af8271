export declare const requiredNode: string;
export declare function newEnough(version: string): boolean;
