import { z } from 'zod';

/** One documented API operation; modules export lists of these and the document is built from them. */
export interface ApiOperation {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	summary: string;
	tags: string[];
	operationId: string;
	/** Query parameters, described by the same zod object the route validates with. */
	query?: z.ZodObject;
	pathParams?: z.ZodObject;
	body?: z.ZodType;
	/** Success response body schemas by status code; use `text/csv` for CSV responses. */
	responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
	return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
}

const problemSchema = {
	type: 'object',
	required: ['type', 'title', 'status', 'code'],
	properties: {
		type: { type: 'string' },
		title: { type: 'string' },
		status: { type: 'integer' },
		code: { type: 'string', description: 'Stable machine-readable error code' },
		detail: { type: 'string', description: "Human-readable explanation in the request's language" },
		errors: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					field: { type: 'string' },
					codes: { type: 'array', items: { type: 'string' } },
					messages: { type: 'array', items: { type: 'string' } }
				}
			}
		}
	}
};

function parametersOf(schema: z.ZodObject | undefined, where: 'query' | 'path') {
	if (!schema) return [];
	const shape = schema.shape as Record<string, z.ZodType>;
	return Object.entries(shape).map(([name, field]) => {
		const fieldSchema = jsonSchema(field, 'input') as Record<string, unknown>;
		delete fieldSchema.$schema;
		return { name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema: fieldSchema };
	});
}

export function buildOpenApiDocument(operations: ApiOperation[], info: { title: string; version: string; description: string }) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of operations) {
		const responses: Record<string, unknown> = {};
		for (const [status, response] of Object.entries(op.responses)) {
			const contentType = response.contentType ?? 'application/json';
			responses[status] = {
				description: response.description,
				...(response.schema || contentType !== 'application/json'
					? { content: { [contentType]: { schema: response.schema ? jsonSchema(response.schema, 'output') : { type: 'string' } } } }
					: {})
			};
		}
		for (const status of ['400', '403', '404', '413']) {
			responses[status] ??= {
				description: 'Problem',
				content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
			};
		}
		(paths[op.path] ??= {})[op.method] = {
			operationId: op.operationId,
			summary: op.summary,
			tags: op.tags,
			parameters: [...parametersOf(op.pathParams, 'path'), ...parametersOf(op.query, 'query')],
			...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
			responses
		};
	}
	return {
		openapi: '3.1.0',
		info,
		servers: [{ url: '/' }],
		paths,
		components: { schemas: { Problem: problemSchema } }
	};
}
