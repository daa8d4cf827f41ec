/**
 * The JSON API {@code /api/v1}: everything the newsroom does, for automation and imports.
 *
 * <h2>Signing in</h2>
 * HTTP Basic with a newsroom account, or {@code Authorization: Bearer dyt_…} with a personal token created under
 * {@code /api/v1/tokens}. Authors may write and submit articles; editors also publish and manage channels and the
 * navigation; administrators also manage accounts and site settings. A missing or wrong login is 401, a role that
 * may not do something is 403.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>Bodies are JSON (UTF-8), at most 5 MB (413 above). Unknown fields are ignored, so a client may send back
 *     what it read.</li>
 * <li>Times are ISO-8601. Answers use the site's time zone ({@code dayuan.time-zone}) to the second, e.g.
 *     {@code 2022-04-23T06:07:12+08:00}; requests may give any offset, or none for the site's wall-clock time.</li>
 * <li>{@code url} fields are absolute: the site address from the settings, else {@code dayuan.base-url}, else the
 *     scheme, host and port of the request.</li>
 * <li>Lists that page answer {@code {"items":[…],"page":1,"size":20,"totalItems":…,"totalPages":…}}.
 *     <b>Page numbers start at 1</b>; {@code size} is 1–100, 20 when left out.</li>
 * <li>Created resources answer 201 with a {@code Location} header; deletions answer 204.</li>
 * <li>Errors are RFC 9457 problem details ({@code application/problem+json}) with a Chinese {@code detail}.
 *     A 400 also names the wrong input: {@code "field":"title"} and
 *     {@code "errors":[{"field":"title","message":"请填写标题"}]}; an unknown enum value also lists
 *     {@code "allowedValues"}. 404 for unknown or non-numeric ids and unknown paths, 405 for a wrong method,
 *     409 for conflicts (taken slug or username, a channel that still has content, a concurrent change).
 *     Nothing is written when a request is refused.</li>
 * </ul>
 *
 * <h2>Endpoints</h2>
 * <pre>
 * GET    /api/v1/me                         the signed-in account
 * GET    /api/v1/channels                   all channels, parents before children
 * POST   /api/v1/channels                   {name, slug?, parent?, description?, sortOrder?}      editor
 * GET    /api/v1/channels/{id}
 * PUT    /api/v1/channels/{id}              same body as POST, replaces the channel               editor
 * DELETE /api/v1/channels/{id}              409 while it has sub-channels or articles             editor
 *        channel: {id, name, slug, path, parent, description, sortOrder, url}
 * GET    /api/v1/articles?channel=&amp;status=&amp;q=&amp;author=&amp;page=&amp;size=
 *        item: {id, url, title, subtitle, summary, channel, channelId, channelName, status, publishedAt,
 *               updatedAt, coverImage, headline, pinned, viewCount, commentCount}
 * POST   /api/v1/articles                   {title, subtitle, summary, body, channel, author, source, sourceUrl,
 *                                            editor, tags, rightsType, publishedAt, status, coverImage,
 *                                            headline, pinned, commentsOpen}
 * GET    /api/v1/articles/{id}
 * PUT    /api/v1/articles/{id}              same body as POST, replaces the article
 * DELETE /api/v1/articles/{id}
 * POST   /api/v1/articles/{id}/publish      editor
 * POST   /api/v1/articles/{id}/unpublish    editor
 * POST   /api/v1/articles/{id}/submit       hand a draft to the editors (status PENDING)
 *        article: the request fields plus {id, url, channelId, channelName, publisher, publisherName,
 *                 viewCount, likeCount, commentCount, createdAt, updatedAt, version}
 *        rightsType: ORIGINAL | AUTHORIZED | REPRINT; status: DRAFT | PENDING | PUBLISHED | UNPUBLISHED
 * POST   /api/v1/suggestions                {body} → {tags, summary}
 * GET    /api/v1/directory/categories       each with its links
 * POST   /api/v1/directory/categories       {name, description?, sortOrder?}                       editor
 * GET|PUT|DELETE /api/v1/directory/categories/{id}     (DELETE also deletes its links)           editor
 * GET    /api/v1/directory/links?categoryId=
 * POST   /api/v1/directory/links            {categoryId, name, url, description?, sortOrder?}      editor
 * GET|PUT|DELETE /api/v1/directory/links/{id}                                                     editor
 *        category: {id, name, description, sortOrder, links}; link: {id, categoryId, name, url, description, sortOrder}
 * GET    /api/v1/settings                   site settings                                          admin
 * PUT    /api/v1/settings                   fields left out keep their value                       admin
 * GET    /api/v1/accounts                                                                          admin
 * POST   /api/v1/accounts                   {username, displayName?, email?, password, role}       admin
 * GET|PUT /api/v1/accounts/{id}             PUT: {displayName, email, role, enabled?, password?}   admin
 *        account: {id, username, displayName, email, role, enabled, createdAt, lastLoginAt}
 * GET    /api/v1/tokens                     own tokens: {id, name, prefix, createdAt, lastUsedAt (to the minute), token:null}
 * POST   /api/v1/tokens                     {name} → the token with its secret in "token", shown only this once
 * DELETE /api/v1/tokens/{id}                revoke one of one's own tokens
 * </pre>
 */
package cn.dayuan.api;
